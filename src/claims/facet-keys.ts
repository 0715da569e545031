/**
 * Normalised facet values of a claim as short keys ("date:2031-09-18", "count:civilian"),
 * stored in an indexed array so statements that share a date, a counted thing, an event or a
 * duration are found as link candidates however differently they are worded ("23 hours" vs
 * "three days" share only "duration"). Pure.
 */
import type { ClaimFacets, EventFrame } from './extraction/types.js';

const MAX_RANGE_DAYS = 7;

function* daysOf(start: string, end: string): Generator<string> {
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return;
  const days = Math.min(MAX_RANGE_DAYS, Math.round((to - from) / 86_400_000));
  for (let d = 0; d <= days; d++) yield new Date(from + d * 86_400_000).toISOString().slice(0, 10);
}

export function facetKeys(facets: ClaimFacets): string[] {
  const keys = new Set<string>();
  for (const date of facets.dates ?? []) {
    if (date.precision === 'day')
      for (const day of daysOf(date.start, date.end)) keys.add(`date:${day}`);
    else keys.add(`month:${date.start.slice(0, 7)}`);
  }
  for (const q of facets.quantities ?? []) {
    if (q.counted) keys.add(`count:${q.counted}`);
    if (q.event) keys.add(`event:${q.event}`);
    // "No civilians were hurt" / "nine people were killed and 34 wounded": every count of the
    // harmed is a candidate for every other, though the two share no rare word (an event-frame
    // key, so the frames branch finds it): tolls are the slot researchers compare first.
    if (q.event && HARM.test(q.event)) keys.add('frame:harm');
    // "Fourteen miners were cut off by the roof fall" / "Seventeen men were trapped": counts of
    // people that one thing befell, the other slot researchers compare, find each other too.
    const slot = q.event ? SLOT_EVENT.exec(q.event) : null;
    if (slot) keys.add(`frame:count:${slot[0]}`);
  }
  if ((facets.durations ?? []).length) keys.add('duration');
  for (const k of frameKeys(facets.frame)) keys.add(k);
  return [...keys].sort();
}

/** Events of a count of the harmed: killed, wounded, hurt, injured, dead. */
const HARM = /^(?:kill|wound|hurt|injur|die|dead|death|casualt|harm)/;

/** Events of a count of people taken, trapped, saved, moved or freed (stem: one key each). */
const SLOT_EVENT =
  /^(?:trap|rescu|detain|arrest|abduct|seiz|evacuat|flee|fled|displac|releas|free|sicken|comprise)/;

/** Triggers that name who acts, not what happened. */
const ACTOR_NOUN = /^(?:forces|units|soldiers|troops|army|military)$/;

/** Days per date bucket of a frame key, and the offset of the second, shifted bucket. */
const BUCKET_DAYS = 7;
const BUCKET_SHIFT_DAYS = 3;
/** Keys per claim from its frame: enough to pair rewordings, few enough to stay selective. */
const MAX_FRAME_KEYS = 8;

function bucket(iso: string, shiftDays: number): number {
  return Math.floor((Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + shiftDays) / BUCKET_DAYS);
}

/**
 * Keys that pair two statements about the same event however they word it: the event class
 * with a party ("frame:military_action:kestria"), with a week ("frame:ceasefire:w2905" and a
 * bucket shifted by half a week, so dates up to three days apart always share one), or with
 * "len" when the statement says how long the event lasted ("lasted 23 hours" / "three days of
 * fighting"), or with the word that names it ("frame:explosion:t:mine"). Only the first (main)
 * event class gets party, length and word keys; a second class gets its week, which is rare
 * enough on its own.
 */
export function frameKeys(frame: EventFrame | null | undefined): string[] {
  if (!frame || frame.classes.length === 0) return [];
  const out: string[] = [];
  frame.classes.forEach((cls, i) => {
    for (const d of frame.dates) {
      if (d.precision !== 'day' || Number.isNaN(Date.parse(`${d.start}T00:00:00Z`))) continue;
      out.push(
        `frame:${cls}:w${bucket(d.start, 0)}`,
        `frame:${cls}:v${bucket(d.start, BUCKET_SHIFT_DAYS)}`,
      );
      // "began on 19 September" / "began on 18 September": two accounts of when the main event
      // started (or ended) share these as well, so they rank above the week's other reports.
      // For the first date only, so the party and length keys still fit in MAX_FRAME_KEYS.
      if (i === 0 && frame.phase && d === frame.dates[0])
        out.push(
          `frame:${cls}:${frame.phase}:w${bucket(d.start, 0)}`,
          `frame:${cls}:${frame.phase}:v${bucket(d.start, BUCKET_SHIFT_DAYS)}`,
        );
    }
    if (i > 0) return;
    if (frame.lengths.length > 0) out.push(`frame:${cls}:len`);
    // The same figure of the same kind of event: "eleven were detained" / "abducted 11".
    for (const c of frame.counts ?? []) {
      const [k, v] = c.split(':');
      out.push(`frame:${k}:n${v}`);
    }
    for (const p of frame.agents.length > 0 ? frame.agents : frame.parties)
      out.push(`frame:${cls}:${p}`);
    // The same event named by the same word, whoever each side says did it: "the mine was
    // planted by Kestrian units" / "Aldorian saboteurs planted the mine" share no party and no
    // rare word pair, and their conflict is exactly who did it.
    // Only for an undated event (a dated one is paired through its week, and two ceasefires
    // three years apart must not be), and not for the words that name who acts ("troops",
    // "units"): they would pair every report.
    const trigger = frame.triggers[0]?.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    if (trigger && frame.dates.length === 0 && !ACTOR_NOUN.test(trigger))
      out.push(`frame:${cls}:t:${trigger}`);
  });
  return [...new Set(out)].slice(0, MAX_FRAME_KEYS);
}
