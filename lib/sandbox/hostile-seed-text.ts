/** A long answer that ends in markup: the hostile scenario puts it in a form answer and a webinar name. */
export const HOSTILE_LONG_TEXT = `${'We evaluated four vendors and every one of them promised “real-time” sync. '.repeat(40)}<script>alert('long')</script> END`;
