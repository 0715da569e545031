/**
 * Demonyms and the country each names. A shared kit: extraction reads a party from them
 * ("Armenian forces": Armenia) and the relation words join "Armenian" with "Armenia".
 */
import { pairs } from './word-lists.js';

/** Demonym (lower case) -> canonical country key. */
export const DEMONYMS: ReadonlyMap<string, string> = pairs(
  'afghan=afghanistan|albanian=albania|algerian=algeria|american=united states|' +
    'argentine=argentina|argentinian=argentina|armenian=armenia|australian=australia|' +
    'austrian=austria|azerbaijani=azerbaijan|azeri=azerbaijan|belarusian=belarus|' +
    'belgian=belgium|bosnian=bosnia and herzegovina|brazilian=brazil|' +
    'british=united kingdom|bulgarian=bulgaria|canadian=canada|chinese=china|' +
    'croatian=croatia|cypriot=cyprus|czech=czechia|danish=denmark|dutch=netherlands|' +
    'egyptian=egypt|emirati=united arab emirates|estonian=estonia|ethiopian=ethiopia|' +
    'european=european union|finnish=finland|french=france|georgian=georgia|' +
    'german=germany|greek=greece|hungarian=hungary|indian=india|indonesian=indonesia|' +
    'iranian=iran|iraqi=iraq|irish=ireland|israeli=israel|italian=italy|japanese=japan|' +
    'jordanian=jordan|kazakh=kazakhstan|korean=korea|kurdish=kurdistan|kyrgyz=kyrgyzstan|' +
    'latvian=latvia|lebanese=lebanon|libyan=libya|lithuanian=lithuania|moldovan=moldova|' +
    'mexican=mexico|moroccan=morocco|nigerian=nigeria|norwegian=norway|pakistani=pakistan|' +
    'palestinian=palestine|polish=poland|portuguese=portugal|qatari=qatar|' +
    'romanian=romania|russian=russia|saudi=saudi arabia|serbian=serbia|slovak=slovakia|' +
    'somali=somalia|spanish=spain|sudanese=sudan|swedish=sweden|swiss=switzerland|' +
    'syrian=syria|tajik=tajikistan|turkish=turkey|turkmen=turkmenistan|ukrainian=ukraine|' +
    'uzbek=uzbekistan|venezuelan=venezuela|vietnamese=vietnam|yemeni=yemen|' +
    'soviet=soviet union',
);

/**
 * A party word with an unknown country's "-ian" taken off: "kestrian" -> "kestria", so the
 * adjective and the name give one key ("Kestrian units" / "Kestria").
 */
export function partyWord(lower: string): string {
  return lower.endsWith('ian') && lower.length > 5 ? lower.slice(0, -1) : lower;
}

/** Endings that make a demonym of a name: "Rosta" / "Rostan", "Armenia" / "Armenian". */
const DEMONYM_TAIL = /^(?:n|an|ian|ese|i)$/;

/**
 * Whether two lower-case words are one name, or a name and its adjective where no list knows
 * the country ("rosta" / "rostan", "kalva" / "kalvan"). Used for sides and for places.
 */
export function nameOrAdjective(x: string, y: string): boolean {
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.startsWith(short) && DEMONYM_TAIL.test(long.slice(short.length));
}
