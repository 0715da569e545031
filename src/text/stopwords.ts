/**
 * Stopword lists. Two on purpose, with different contents, because they answer different
 * questions and the trained relation model depends on the exact relation list:
 *
 * - RELATION_STOPWORDS (linking/relation, candidate query terms): words that carry no content
 *   for aligning two statements. Includes reporting verbs ("said", "reported") so attribution
 *   does not count as shared content; negations are left out (they are their own signal).
 * - EXTRACTION_STOPWORDS (claims/extraction): words that are never a counted noun or a name on
 *   their own at a sentence start. Includes negations and time words ("today", "later") and
 *   not the reporting verbs.
 *
 * Unifying them would change relation features (retrain first) and extraction spans.
 */

/**
 * Function words that carry no content for alignment. Negations are deliberately absent, and
 * so is "mine": in the news this service reads it is a landmine far more often than a pronoun.
 */
export const RELATION_STOPWORDS = new Set(
  (
    'a an the and or but if then than so of to in on at by for with from into onto over under ' +
    'about after before between during through up down out off as is are was were be been being ' +
    "am do does did doing have has had having this that these those it its it's he she they them " +
    'his her their theirs him we us our you your i me my who whom whose which what when where ' +
    'why how there here all any some such only own same also just very can will would shall should ' +
    "may might must could s t re ve ll d mr mrs ms dr one's itself himself herself themselves " +
    'while again further once each other both few more most another whether because until against ' +
    'said says say told tell according reportedly report reports reported new via per'
  ).split(/\s+/),
);

/**
 * Function and common words: never a counted noun, never a name on their own when they open
 * a sentence.
 */
export const EXTRACTION_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor of in on at to for from by with without into onto over under ' +
    'after before during since until within across against among between through about ' +
    'around near as than that this these those which who whom whose what when where while ' +
    'why how if then so such it its they them their he him his she her we us our you your ' +
    'i me my is are was were be been being am has have had do does did will would shall ' +
    'should can could may might must not no also only just even all each every some any ' +
    'both either neither other another more most less least there here up out off down ' +
    'per via including following according prior today yesterday tomorrow however ' +
    'meanwhile hours days later earlier one marking within for instead again once already ' +
    'still yet now again ago'
  )
    .trim()
    .split(/\s+/),
);
