// The credentials letter just issued, kept in memory only (never in storage or the URL): the
// codes are shown once; after a reload the letter is gone and must be issued again.
import type { ActivationLetterEntry } from '../applications/queries';

export interface Letter {
  /** where "back" leads: the application or account page the letter was printed from */
  returnTo: string;
  summary: string;
  entries: ActivationLetterEntry[];
  issuedAt: string;
}

let current: Letter | null = null;

export const setLetter = (letter: Letter) => {
  current = letter;
};

export const getLetter = (): Letter | null => current;

export const clearLetter = () => {
  current = null;
};
