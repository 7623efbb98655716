import { ArgsType, Field, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { AuthStep } from './auth.service.js';

registerEnumType(AuthStep, {
  name: 'AuthStep',
  description: 'Where the caller stands in sign-in; only SIGNED_IN reaches data.',
});

@ObjectType()
export class AuthStatus {
  @Field(() => AuthStep)
  step!: AuthStep;

  @Field(() => String, { nullable: true, description: 'Why a presented session was not accepted (SESSION_EXPIRED, INVALID_TOKEN)' })
  reason?: string | null;
}

@ObjectType()
export class TotpEnrollment {
  @Field({ description: 'otpauth:// URI, also encoded in the QR code' })
  otpauthUri!: string;

  @Field({ description: 'PNG data URL of the QR code to scan' })
  qrCodeDataUrl!: string;

  @Field({ description: 'The same key as text, for apps that cannot scan' })
  manualEntryKey!: string;
}

@ObjectType()
export class TotpEnrollmentResult {
  @Field(() => AuthStep)
  step!: AuthStep;

  @Field(() => [String], { description: 'Ten single-use recovery codes, shown this once' })
  recoveryCodes!: string[];
}

@ArgsType()
export class LoginArgs {
  @Field()
  @MaxLength(64, { message: 'TOO_LONG' })
  loginId!: string;

  @Field()
  @MaxLength(200, { message: 'TOO_LONG' })
  password!: string;
}

@ArgsType()
export class CodeArgs {
  @Field()
  @MaxLength(32, { message: 'TOO_LONG' })
  code!: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @MaxLength(200, { message: 'TOO_LONG' })
  currentPassword!: string;

  @Field()
  @MaxLength(200, { message: 'PASSWORD_POLICY' })
  newPassword!: string;
}

@ArgsType()
export class ActivateArgs {
  @Field()
  @MaxLength(64, { message: 'TOO_LONG' })
  loginId!: string;

  @Field({ description: 'The code on the credentials letter' })
  @MaxLength(32, { message: 'TOO_LONG' })
  activationCode!: string;

  @Field()
  @MaxLength(200, { message: 'PASSWORD_POLICY' })
  newPassword!: string;
}
