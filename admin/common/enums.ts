// Choices for the API's enums: the values come from the schema, the labels (and the order a
// person expects, e.g. the 様式2-2B list of サービス種類) from the translations, `enums.<Type>.<VALUE>`.
import { introspectionSchema } from '../graphql/schema';
import { jaMessages } from '../i18n/ja';

export interface Choice {
  id: string;
  name: string;
}

type EnumName = keyof typeof jaMessages.enums;

export function enumChoices(type: EnumName): Choice[] {
  const def = introspectionSchema.types.find((t) => t.name === type);
  const values = def?.kind === 'ENUM' ? def.enumValues.map((v) => v.name) : [];
  const ordered = Object.keys(jaMessages.enums[type]).filter((v) => values.includes(v));
  const rest = values.filter((v) => !ordered.includes(v));
  return [...ordered, ...rest].map((id) => ({ id, name: `enums.${type}.${id}` }));
}

export const enumLabel = (type: EnumName, value: string | null | undefined) => (value ? `enums.${type}.${value}` : '');

export const choices = {
  officeKind: enumChoices('OfficeKind'),
  officeStatus: enumChoices('OfficeStatus'),
  serviceType: enumChoices('ServiceType'),
  credentialsDelivery: enumChoices('CredentialsDelivery'),
  role: enumChoices('Role'),
  jobType: enumChoices('JobType'),
  userStatus: enumChoices('UserStatus'),
};
