// The only way the UI talks to the server: the public /api/v1 JSON API on the same origin.
// State-changing calls carry the session's CSRF token; errors arrive as problem+json.

export type Localized = Record<string, string>;

export interface ApiProblem {
  status: number;
  code: string;
  detail: string;
  field?: string;
}

export class ApiError extends Error {
  constructor(public problem: ApiProblem) {
    super(problem.detail);
  }
}

let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

// The request as every call sends it: JSON body, the session cookie, the CSRF token on changes.
async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const init: RequestInit = { method, headers: { ...headers }, credentials: 'same-origin' };
  if (body !== undefined) {
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) (init.headers as Record<string, string>)['X-CSRF-Token'] = csrfToken;
  return fetch(path, init);
}

function problemOf(res: Response, data: { code?: string; detail?: string; field?: string }) {
  return new ApiError({ status: res.status, code: data.code ?? 'error', detail: data.detail ?? res.statusText, field: data.field });
}

export async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await send(method, path, body, headers);
  const text = await res.text();
  const data = text ? JSON.parse(text) : {};
  if (!res.ok) throw problemOf(res, data);
  return data as T;
}

// A file the server answers with (a PDF rendition): the same errors as api().
export async function apiFile(method: string, path: string, body?: unknown): Promise<Blob> {
  const res = await send(method, path, body);
  if (!res.ok) throw problemOf(res, await res.json().catch(() => ({})));
  return res.blob();
}

export interface Criterion {
  id: string;
  title: Localized;
  weight: number;
  guide?: Localized;
}
export interface Question {
  id: string;
  text: Localized;
  required: boolean;
  criterion_id?: string;
}
export interface Employment {
  relation: 'virka' | 'tyosuhde';
  term: 'permanent' | 'fixed_term';
  fixed_term_ground?: string;
  end_date?: string;
}
// What a municipal ad says besides its description; every part optional.
export interface AdDetails {
  qualifications: Localized;
  salary: Localized;
  working_hours: Localized;
  location: Localized;
  starts: Localized;
  contact_name: string;
  contact_title: Localized;
  contact_phone: string;
  contact_email: string;
}
// Voluntary groups for the organisation's equality monitoring (never shown to reviewers).
export interface EqualityStatistics {
  gender: string;
  age_band: string;
  language_group: string;
}
export interface JobAd {
  id: number;
  title: Localized;
  description: Localized;
  ad?: AdDetails;
  employment: Employment;
  criteria: Criterion[];
  questions: Question[];
  languages: string[];
  // The form takes attachments (a CV, certificates); reviewers see them redacted.
  accepts_attachments?: boolean;
  deadline: number;
  anonymous: boolean;
  state: string;
  published_at: number;
  organisation?: string;
  organisation_id?: number;
  accepting_applications?: boolean;
  // Optional identity fields this employer asks, each with its legal basis (data minimisation).
  identity_fields?: { field: string; legal_basis: string }[];
}
export interface Recruitment extends JobAd {
  owner_id: number;
  unit_id: number;
  reviewer_ids: number[];
  decision_maker_id?: number | null; // who decides; null: the owner
  diary_number?: string; // the registry's diary number, printed on the recruitment's documents
  anonymity_exception_reason: string;
  version: number;
  application_count?: number;
}
export interface User {
  id: number;
  username: string;
  display_name: string;
  email: string;
  role: 'admin' | 'hr' | 'reviewer' | 'registry' | 'auditor' | 'decision_maker';
  active: boolean;
}
export interface Me {
  user: User;
  org_id: number;
  csrf_token: string;
}
export interface Merits {
  education: { level: string; field: string; institution: string }[];
  experience: { title: string; employer: string; months: number }[];
  skills: string[];
  languages: { language: string; level: string }[];
}
export interface FreeText {
  cover_letter: string;
  answers: { question_id: string; text: string }[];
}
export interface Identity {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  birth_date: string;
  gender: string;
  street_address: string;
  postal_code: string;
  municipality: string;
  mother_tongue: string;
  nationality: string;
  language: string;
  // Asked that the name is not given out in a list of applicants (where the law allows).
  non_disclosure_wish?: boolean;
}
export interface ApplicationView {
  id: string;
  pseudonym: string;
  eligible?: boolean | null; // the owner's verdict (kelpoisuus); null: not assessed
  merits?: Merits;
  free_text?: FreeText | null;
  redaction?: string;
  lifted?: boolean;
  withdrawn?: boolean;
  recused?: boolean;
  identity?: Identity;
  attachments?: AttachmentInfo[];
}
// What may be known of an attached file: its place, kind and whether HR released its rendition.
export interface AttachmentInfo {
  position: number;
  kind: 'pdf' | 'docx' | 'odt';
  released: boolean;
  needs_a_look: boolean;
}
export interface ScoreEntry {
  criterion_id: string;
  reviewer_id: number;
  value: number;
  justification: string;
}
export interface ScoresView {
  own: ScoreEntry[];
  others: ScoreEntry[] | null;
  others_visible: boolean;
  own_complete: boolean;
  frozen: boolean;
}
export interface RankingEntry {
  rank: number;
  application_id: string;
  pseudonym: string;
  weighted_score: number;
  reviewers: number;
  complete: boolean;
  disagreement: boolean;
  shortlisted: boolean;
  eligible: boolean | null;
  criteria?: { criterion_id: string; mean: number; count: number }[];
}
export interface EligibilityAssessment {
  application_id: string;
  eligible: boolean;
  reason: string;
  assessed_by: number;
  assessed_at: number;
}
export interface Screening {
  stage: 'draft' | 'collecting' | 'screening' | 'shortlisted' | 'decided';
  criteria: Criterion[];
  scoring: boolean;
  progress: { scored: number; total: number };
  shortlist: { application_id: string; pseudonym: string }[];
  eligibility?: EligibilityAssessment[]; // the owner's only
}
export interface AuditEntry {
  seq: number;
  at: number;
  actor_id: number;
  action: string;
  recruitment_id: number;
  application_id: string;
  detail: unknown;
  actor_name?: string; // absent for the system itself (actor 0)
  actor_role?: string;
}
