// Rows → FHIR R4 resources (JP Core profiles where one fits). Pure functions: what is read, and
// who may read it, is room-export.ts's and bulk-export.ts's business. Resources refer to each
// other as `Type/id` (ids are the rows' own UUIDs), so one mapping serves the room Bundle and the
// municipality's NDJSON files alike; tests/api/fhir.test.ts checks every resource with
// @medplum/core's validator against the R4 base definitions.
import { createHash } from 'node:crypto';
import type { Vitals } from '../posts/vitals.js';
import { JobType } from '../users/user.enums.js';

/** A FHIR resource as JSON (the API does not depend on a FHIR type package at run time). */
export interface FhirResource {
  resourceType: string;
  id: string;
  [element: string]: unknown;
}

export const JP_CORE = 'http://jpfhir.jp/fhir/core/StructureDefinition';
const EN_REPRESENTATION = 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
/**
 * 介護保険の被保険者番号 (10 digits, issued by the municipality as insurer). JP Core's only
 * insured-person system, http://jpfhir.jp/fhir/core/IdSystem/insurance-individual-number, is
 * 医療保険's 被保険者個人識別子 (保険者番号:記号:番号:枝番), a different number; JP Core defines
 * none for 介護保険 that we could find, so the number carries our own stable URN, its type in
 * words, and the municipality (the insurer) as assigner.
 */
export const LTC_INSURED_NUMBER_SYSTEM = 'urn:zaitaku:ltc-insured-number';

export const ref = (type: string, id: string, display?: string | null) => ({ reference: `${type}/${id}`, ...(display ? { display } : {}) });

/** A stable id for a resource made from part of a row (one Observation per vital sign of a post). */
export const derivedId = (...parts: string[]) => {
  const h = createHash('sha1').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** 漢字 and カナ: JP Core writes both names, each marked with its representation (IDE / SYL). */
function names(name: string, kana: string | null | undefined) {
  const one = (text: string, representation: 'IDE' | 'SYL') => {
    const [family, ...given] = text.split(/[\s\u3000]+/).filter(Boolean);
    return {
      extension: [{ url: EN_REPRESENTATION, valueCode: representation }],
      use: 'official',
      text,
      ...(family ? { family } : {}),
      ...(given.length ? { given } : {}),
    };
  };
  return kana ? [one(name, 'IDE'), one(kana, 'SYL')] : [one(name, 'IDE')];
}

const instant = (d: Date) => d.toISOString();

export interface PatientRow {
  id: string;
  name: string;
  nameKana: string;
  sex: string;
  birthDate: string;
  postalCode?: string | null;
  address: string;
  phone?: string | null;
  insuredNumber?: string | null;
  municipality: { id: string; name: string };
}

export function patientResource(p: PatientRow): FhirResource {
  return {
    resourceType: 'Patient',
    id: p.id,
    meta: { profile: [`${JP_CORE}/JP_Patient`] },
    ...(p.insuredNumber
      ? { identifier: [{ use: 'official', type: { text: '介護保険被保険者番号' }, system: LTC_INSURED_NUMBER_SYSTEM, value: p.insuredNumber, assigner: { display: p.municipality.name } }] }
      : {}),
    name: names(p.name, p.nameKana),
    ...(p.phone ? { telecom: [{ system: 'phone', value: p.phone, use: 'home' }] } : {}),
    gender: p.sex === 'MALE' ? 'male' : 'female',
    birthDate: p.birthDate,
    address: [{ use: 'home', text: p.address, ...(p.postalCode ? { postalCode: p.postalCode } : {}), country: 'JP' }],
  };
}

export interface OfficeRow {
  id: string;
  name: string;
  nameKana?: string | null;
  officeNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

export function organizationResource(o: OfficeRow): FhirResource {
  return {
    resourceType: 'Organization',
    id: o.id,
    meta: { profile: [`${JP_CORE}/JP_Organization`] },
    // 介護保険事業所番号 (10 digits): no JP Core system either; our own URN as for the insured number
    ...(o.officeNumber ? { identifier: [{ system: 'urn:zaitaku:ltc-office-number', value: o.officeNumber }] } : {}),
    active: true,
    name: o.name,
    ...(o.nameKana ? { alias: [o.nameKana] } : {}),
    ...(o.phone ? { telecom: [{ system: 'phone', value: o.phone, use: 'work' }] } : {}),
    ...(o.address ? { address: [{ use: 'work', text: o.address, country: 'JP' }] } : {}),
  };
}

export interface UserRow {
  id: string;
  name: string;
  nameKana?: string | null;
}

export function practitionerResource(u: UserRow): FhirResource {
  return { resourceType: 'Practitioner', id: u.id, meta: { profile: [`${JP_CORE}/JP_Practitioner`] }, name: names(u.name, u.nameKana) };
}

/** 職種, in the words of the forms (様式2-2 etc.). */
export const jobLabels: Record<JobType, string> = {
  [JobType.DOCTOR]: '医師',
  [JobType.DENTIST]: '歯科医師',
  [JobType.PHARMACIST]: '薬剤師',
  [JobType.NURSE]: '看護師',
  [JobType.CARE_MANAGER]: '介護支援専門員',
  [JobType.CARE_WORKER]: '介護職',
  [JobType.THERAPIST]: 'リハビリ職',
  [JobType.SOCIAL_WORKER]: '相談員',
  [JobType.OFFICE_STAFF]: '事務職',
  [JobType.ADMINISTRATOR]: '市・システム管理の職員',
  [JobType.OTHER]: 'その他',
};

export interface MemberRow {
  userId: string;
  officeId: string | null;
  jobType: JobType;
  jobTypeOther?: string | null;
  permission: string;
  fromDate: string;
  untilDate?: string | null;
}

export interface RoomRow {
  id: string;
  name: string;
  status: string;
  patientId: string;
  createdAt: Date;
  closedAt?: Date | null;
}

export function careTeamResource(room: RoomRow, members: MemberRow[]): FhirResource {
  return {
    resourceType: 'CareTeam',
    id: room.id,
    status: room.status === 'CLOSED' ? 'inactive' : 'active',
    name: room.name,
    subject: ref('Patient', room.patientId),
    period: { start: instant(room.createdAt), ...(room.closedAt ? { end: instant(room.closedAt) } : {}) },
    participant: members.map((m) => ({
      role: [{ coding: [{ system: 'urn:zaitaku:job-type', code: m.jobType, display: jobLabels[m.jobType] }], text: m.jobTypeOther || jobLabels[m.jobType] }],
      member: ref('Practitioner', m.userId),
      ...(m.officeId ? { onBehalfOf: ref('Organization', m.officeId) } : {}),
      period: { start: m.fromDate, ...(m.untilDate ? { end: m.untilDate } : {}) },
    })),
  };
}

export interface ConsentRow {
  id: string;
  patientId: string;
  consentDate: string;
  signer: string;
  proxyName?: string | null;
  proxyRelationship?: string | null;
  explainingOfficeId: string;
  explainingPersonName: string;
  coveredOfficeIds: string[];
  withdrawnAt?: Date | null;
  /** the DocumentReference of the scanned 様式5, when the caller may see it */
  formDocumentId: string | null;
}

/** The proxy who signed for the patient (代理人), when there is one. */
export function proxyResource(c: ConsentRow): FhirResource | null {
  if (c.signer !== 'PROXY' || !c.proxyName) return null;
  return {
    resourceType: 'RelatedPerson',
    id: derivedId(c.id, 'proxy'),
    patient: ref('Patient', c.patientId),
    ...(c.proxyRelationship ? { relationship: [{ text: c.proxyRelationship }] } : {}),
    name: [{ text: c.proxyName }],
  };
}

export function consentResource(c: ConsentRow): FhirResource {
  const proxy = proxyResource(c);
  return {
    resourceType: 'Consent',
    id: c.id,
    // withdrawing ends sharing; the record stays
    status: c.withdrawnAt ? 'inactive' : 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }], text: '情報共有同意書 (様式5)' },
    category: [{ coding: [{ system: LOINC, code: '59284-0', display: 'Patient Consent' }] }],
    patient: ref('Patient', c.patientId),
    dateTime: c.consentDate,
    performer: [proxy ? ref('RelatedPerson', proxy.id) : ref('Patient', c.patientId)],
    organization: [ref('Organization', c.explainingOfficeId, null)],
    ...(c.formDocumentId ? { sourceReference: ref('DocumentReference', c.formDocumentId) } : {}),
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    provision: {
      type: 'permit',
      period: { start: c.consentDate, ...(c.withdrawnAt ? { end: instant(c.withdrawnAt) } : {}) },
      // the offices the patient agreed to share with
      actor: c.coveredOfficeIds.map((id) => ({ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }] }, reference: ref('Organization', id) })),
    },
  };
}

export interface FileRow {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  createdAt: Date;
}

/** A file as metadata and a link to its download route (the caller's session or token fetches it). */
export function documentReferenceResource(f: FileRow, o: { patientId: string; url: string; description: string; authorId?: string | null; type: string }): FhirResource {
  return {
    resourceType: 'DocumentReference',
    id: f.id,
    status: 'current',
    type: { text: o.type },
    subject: ref('Patient', o.patientId),
    date: instant(f.createdAt),
    ...(o.authorId ? { author: [ref('Practitioner', o.authorId)] } : {}),
    description: o.description,
    content: [
      {
        attachment: {
          contentType: f.contentType,
          url: o.url,
          size: f.size,
          title: f.filename,
          creation: instant(f.createdAt),
        },
      },
    ],
  };
}

/** LOINC code, words, UCUM unit: the vital signs a care report records (posts/vitals.ts). */
export const VITAL_SIGNS: { sign: keyof Vitals; loinc: string; display: string; unit: string; ucum: string }[] = [
  { sign: 'systolic', loinc: '8480-6', display: 'Systolic blood pressure', unit: 'mmHg', ucum: 'mm[Hg]' },
  { sign: 'diastolic', loinc: '8462-4', display: 'Diastolic blood pressure', unit: 'mmHg', ucum: 'mm[Hg]' },
  { sign: 'pulse', loinc: '8867-4', display: 'Heart rate', unit: '/min', ucum: '/min' },
  { sign: 'temperature', loinc: '8310-5', display: 'Body temperature', unit: 'Cel', ucum: 'Cel' },
  { sign: 'spo2', loinc: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry', unit: '%', ucum: '%' },
  { sign: 'weight', loinc: '29463-7', display: 'Body weight', unit: 'kg', ucum: 'kg' },
];

export interface PostRow {
  id: string;
  kind: string;
  title?: string | null;
  body: string;
  vitals?: Vitals | null;
  authorId: string;
  createdAt: Date;
  editedAt?: Date | null;
  attachmentIds: string[];
}

export interface RevisionRow {
  id: string;
  title?: string | null;
  body: string;
  replacedAt: Date;
}

/** One Observation per vital sign recorded on a care report (JP_Observation_VitalSigns). */
export function observationResources(post: PostRow, patientId: string): FhirResource[] {
  const vitals = post.vitals ?? {};
  return VITAL_SIGNS.filter((v) => vitals[v.sign] != null).map((v) => ({
    resourceType: 'Observation',
    id: derivedId(post.id, v.sign),
    meta: { profile: [`${JP_CORE}/JP_Observation_VitalSigns`] },
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs', display: 'Vital Signs' }] }],
    code: { coding: [{ system: LOINC, code: v.loinc, display: v.display }], text: v.display },
    subject: ref('Patient', patientId),
    effectiveDateTime: instant(post.createdAt),
    issued: instant(post.editedAt ?? post.createdAt),
    performer: [ref('Practitioner', post.authorId)],
    valueQuantity: { value: Number(vitals[v.sign]), unit: v.unit, system: UCUM, code: v.ucum },
  }));
}

const KIND_LABELS: Record<string, string> = { NOTE: '連絡帳', CARE_REPORT: 'ケアレポート', CLOSING_REQUEST: '部屋の終了依頼' };

/**
 * A post as a Communication among the care team: the latest version (a corrected post's earlier
 * versions are in its Provenance), its vitals and files referenced from the payload.
 */
export function communicationResource(post: PostRow, patientId: string, observationIds: string[]): FhirResource {
  return {
    resourceType: 'Communication',
    id: post.id,
    status: 'completed',
    category: [{ coding: [{ system: 'urn:zaitaku:post-kind', code: post.kind, display: KIND_LABELS[post.kind] ?? post.kind }], text: post.title || KIND_LABELS[post.kind] || post.kind }],
    subject: ref('Patient', patientId),
    ...(post.title ? { topic: { text: post.title } } : {}),
    sent: instant(post.createdAt),
    sender: ref('Practitioner', post.authorId),
    payload: [
      { contentString: post.body },
      ...observationIds.map((id) => ({ contentReference: ref('Observation', id) })),
      ...post.attachmentIds.map((id) => ({ contentReference: ref('DocumentReference', id) })),
    ],
  };
}

/** A corrected post's history: the earlier versions, contained, as what the correction replaced. */
export function provenanceResource(post: PostRow, revisions: RevisionRow[]): FhirResource {
  return {
    resourceType: 'Provenance',
    id: derivedId(post.id, 'provenance'),
    contained: revisions.map((r, i) => ({
      resourceType: 'Communication',
      id: `v${i + 1}`,
      status: 'completed',
      ...(r.title ? { topic: { text: r.title } } : {}),
      payload: [{ contentString: r.body }],
    })),
    target: [ref('Communication', post.id)],
    occurredDateTime: instant(post.editedAt ?? revisions[revisions.length - 1].replacedAt),
    recorded: instant(post.editedAt ?? revisions[revisions.length - 1].replacedAt),
    activity: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: 'UPDATE', display: 'revise' }] },
    agent: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' }] }, who: ref('Practitioner', post.authorId) }],
    entity: revisions.map((r, i) => ({ role: 'revision', what: { reference: `#v${i + 1}`, display: `修正前の版 ${i + 1} (${instant(r.replacedAt)} まで)` } })),
  };
}
