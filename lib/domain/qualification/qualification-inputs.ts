/*
 * The qualification inputs Baton writes with a disposition: what the SQL definition was evaluated
 * on, so a later draft definition can be replayed against it. One entry point for its many
 * readers and writers; the format and why it is exact are in qualification-inputs-format.ts.
 */
export {
  MAX_QUALIFICATION_INPUTS_CHARS,
  QUALIFICATION_INPUTS_VERSION,
  READABLE_QUALIFICATION_INPUTS_VERSIONS,
  qualificationInputsSchema,
  qualificationInputsV1Schema,
  qualificationInputsV2Schema,
} from './qualification-inputs-format';
export type { EvaluatorInputs, QualificationInputs, QualificationInputsV1, QualificationInputsV2 } from './qualification-inputs-format';
export { buildQualificationInputs, encodeQualificationInputs } from './build-qualification-inputs';
export { decodeQualificationInputs } from './decode-qualification-inputs';
export type { DecodedInputs } from './decode-qualification-inputs';
