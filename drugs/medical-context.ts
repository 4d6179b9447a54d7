/**
 * Whether a passage reads as medical, for names that are also ordinary words
 * or other things (lithium in batteries, iron in steel, Allegra as a given
 * name): such a name is highlighted only where it does (`data/README.md`,
 * "Names that need context").
 *
 * A passage reads as medical when it names another medicine (one that needs
 * no context) or uses a word of medicine (dose, mg, tablet, prescribed, side
 * effects...), and it does not use a word of another topic the same names
 * belong to (battery, ore, steel, golf...). A page whose title is about
 * another topic, with no word of medicine in it, is not medical anywhere.
 * One clue is enough either way: a wrong highlight on a battery page is worse
 * than a missed one on a medical page.
 */
import { findMatches } from './match';
import { tokenize, type NameIndex } from './name-index';

/** Words of medicine, lower case. Two-word phrases are joined by a space. */
export const MEDICAL_WORDS: ReadonlySet<string> = new Set([
  'dose',
  'doses',
  'dosage',
  'dosing',
  'overdose',
  'mg',
  'mcg',
  'milligram',
  'milligrams',
  'microgram',
  'micrograms',
  'mmol',
  'tablet',
  'tablets',
  'capsule',
  'capsules',
  'pill',
  'pills',
  'liquid medicine',
  'prescribe',
  'prescribed',
  'prescribes',
  'prescribing',
  'prescription',
  'prescriptions',
  'side effect',
  'side effects',
  'medication',
  'medications',
  'medicine',
  'medicines',
  'doctor',
  'doctors',
  'gp',
  'physician',
  'psychiatrist',
  'pharmacist',
  'pharmacists',
  'pharmacy',
  'nurse',
  'patient',
  'patients',
  'clinic',
  'clinician',
  'hospital',
  'treatment',
  'treatments',
  'treated',
  'treating',
  'therapy',
  'symptom',
  'symptoms',
  'diagnosed',
  'diagnosis',
  'toxicity',
  'blood test',
  'blood tests',
  'blood level',
  'blood levels',
  'supplement',
  'supplements',
  'deficiency',
  'anemia',
  'anaemia',
  'bipolar',
  'mania',
  'depression',
  'allergy',
  'allergies',
  'hay fever',
  'antihistamine',
  'injection',
  'injections',
  'inhaler',
  'infusion',
  'anaphylaxis',
  'auto injector',
  'epipen',
  'nicotine replacement',
  'quit smoking',
  'stop smoking',
  'withdrawal',
  'pregnancy',
  'kidney',
  'kidneys',
  'thyroid',
]);

/** Words of the other things these names mean, lower case. Two-word phrases are joined by a space. */
export const OTHER_TOPIC_WORDS: ReadonlySet<string> = new Set([
  // batteries and energy (lithium, nickel...)
  'battery',
  'batteries',
  'ion',
  'cell phone',
  'smartphone',
  'laptop',
  'charger',
  'charging',
  'mah',
  'kwh',
  'electric vehicle',
  'electric vehicles',
  'ev',
  'evs',
  'grid',
  'solar',
  'gigafactory',
  'cathode',
  'anode',
  // mining, metals and materials (lithium, iron, magnesium, calcium)
  'mining',
  'mines',
  'miner',
  'miners',
  'ore',
  'ores',
  'brine',
  'smelter',
  'smelting',
  'steel',
  'alloy',
  'alloys',
  'foundry',
  'cast iron',
  'wrought',
  'rust',
  'metallurgy',
  'commodity',
  'commodities',
  'tonnes',
  'isotope',
  'isotopes',
  'periodic table',
  'atomic number',
  // sport and leisure (iron, adrenaline)
  'golf',
  'golfer',
  'fairway',
  'putter',
  'wedge',
  'skydiving',
  'bungee',
  'thrill',
  'thrills',
  // household and industry
  'ironing',
  'soldering',
  'fertilizer',
  'fertiliser',
  'concrete',
  'cement',
  'limestone',
]);

function cues(text: string, words: ReadonlySet<string>): boolean {
  const tokens = tokenize(text).map((t) => t.toLowerCase());
  for (let i = 0; i < tokens.length; i++) {
    if (words.has(tokens[i])) return true;
    if (i + 1 < tokens.length && words.has(`${tokens[i]} ${tokens[i + 1]}`)) return true;
  }
  return false;
}

export function hasMedicalWords(text: string): boolean {
  return cues(text, MEDICAL_WORDS);
}

export function hasOtherTopicWords(text: string): boolean {
  return cues(text, OTHER_TOPIC_WORDS);
}

/**
 * True when the page's title does not rule medicine out: a title about
 * another topic ("Lithium battery prices") with no word of medicine does.
 */
export function titleAllowsMedical(title: string): boolean {
  return !hasOtherTopicWords(title) || hasMedicalWords(title);
}

/**
 * True when `passage` (the paragraph a name stands in) reads as medical. The
 * index finds other medicines in it; guesses and names that need context
 * themselves are no evidence.
 */
export function readsAsMedical(index: NameIndex, passage: string): boolean {
  if (hasOtherTopicWords(passage)) return false;
  if (hasMedicalWords(passage)) return true;
  return findMatches(index, passage).some((m) => !m.needsContext && !m.misspellingOf);
}
