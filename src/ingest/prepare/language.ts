/** Language detection for sources that do not state one (pure). */
import { franc } from 'franc-min';

/** ISO 639-3 (what franc returns) -> BCP 47 primary subtag for the languages franc-min knows best. */
const TO_BCP47: Record<string, string> = {
  eng: 'en',
  rus: 'ru',
  ukr: 'uk',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  por: 'pt',
  ita: 'it',
  tur: 'tr',
  arb: 'ar',
  pes: 'fa',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  pol: 'pl',
  nld: 'nl',
  azj: 'az',
  hye: 'hy',
  kat: 'ka',
  ron: 'ro',
  hin: 'hi',
  ben: 'bn',
  ind: 'id',
  vie: 'vi',
  swe: 'sv',
  ces: 'cs',
  ell: 'el',
  heb: 'he',
  hun: 'hu',
  srp: 'sr',
  hrv: 'hr',
  bul: 'bg',
};

/** Returns a BCP 47 tag, or null when the text is too short or the language unknown. */
/** The first 1,500 characters decide: enough for a stable answer, and detection is costly. */
export function detectLanguage(text: string): string | null {
  const code = franc(text.slice(0, 1500), { minLength: 20 });
  if (code === 'und') return null;
  return TO_BCP47[code] ?? code;
}

const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const isLanguageTag = (tag: string) => BCP47.test(tag);
