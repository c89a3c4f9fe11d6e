// The application form's draft, kept in this browser tab (sessionStorage) so that a reload or a lost
// connection does not empty the form. Not localStorage: on a shared computer the next user of the
// browser must not find the applicant's name and letter after the tab is closed. The draft is
// forgotten once the application is sent.
import type { Identity } from '../api';

export interface FormDraft {
  key: string; // the submission's Idempotency-Key
  identity: Identity;
  education: { level: string; field: string; institution: string }[];
  // started/ended (YYYY-MM) help fill in the duration; only the duration is sent.
  experience: { title: string; employer: string; months: string; started?: string; ended?: string }[];
  skills: string;
  languageSkills: string;
  coverLetter: string;
  answers: Record<string, string>;
  // Kept on the server too, at the applicant's choice: the draft's id and the secret of its link.
  server?: ServerDraft;
}

export interface ServerDraft {
  id: string;
  secret: string;
}

const storageKey = (jobId: number) => `reilu.draft.${jobId}`;

export function loadDraft(jobId: number): FormDraft | null {
  try {
    const raw = sessionStorage.getItem(storageKey(jobId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as FormDraft;
    // A draft of another shape (an older version of the form) is dropped, not half-used.
    if (typeof draft.key !== 'string' || !Array.isArray(draft.education) || !Array.isArray(draft.experience)) return null;
    return draft;
  } catch {
    return null;
  }
}

export function saveDraft(jobId: number, draft: FormDraft) {
  try {
    sessionStorage.setItem(storageKey(jobId), JSON.stringify(draft));
  } catch {
    // Storage full or turned off: the form still works, only without a draft.
  }
}

export function forgetDraft(jobId: number) {
  try {
    sessionStorage.removeItem(storageKey(jobId));
  } catch {
    // nothing to forget
  }
}
