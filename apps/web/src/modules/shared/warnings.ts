/** A warning's code in words: the short chip text, and what to do about it. */
export const warningText: Record<string, { chip: string; advice: string; severity: 'red' | 'orange' | 'yellow' }> = {
  DEADLINE_PASSED: {
    chip: 'Deadline passed',
    advice: 'The decision deadline has passed: agree a new one with the treating doctor or record the decision.',
    severity: 'red',
  },
  RECORDS_RELEASE_REFUSED: {
    chip: 'Records refused',
    advice: 'A provider refused to release records. The patient is legally entitled to a copy: send the letter.',
    severity: 'red',
  },
  RECORDS_OVERDUE: {
    chip: 'Records overdue',
    advice: 'Record items are past the date the holder should have sent them: chase the holder.',
    severity: 'orange',
  },
  EXPERT_NOT_INDEPENDENT: {
    chip: 'Expert not independent',
    advice: 'The expert may not be independent of the original clinician.',
    severity: 'orange',
  },
  SLIDES_NOT_SENT_DIRECT: {
    chip: 'Slides not lab-direct',
    advice: 'Biopsy slides should go directly from the originating lab to the reviewing institution.',
    severity: 'orange',
  },
  IMAGING_REPORT_WITHOUT_ORIGINALS: {
    chip: 'Report without images',
    advice: 'Only the imaging report was requested: the expert needs the original images.',
    severity: 'orange',
  },
  CANCER_EXPERT_NOT_AT_PREFERRED_CENTRE: {
    chip: 'Not a preferred centre',
    advice: 'For cancer, an NCI-designated comprehensive cancer centre or an academic centre is preferred.',
    severity: 'yellow',
  },
  REMOTE_REVIEW_NOT_COVERED: {
    chip: 'Remote review not covered',
    advice: 'The insurer does not cover a remote review: discuss the self-pay fee with the patient.',
    severity: 'yellow',
  },
  OPINION_DIFFERS_BUT_MARKED_UNCHANGED: {
    chip: 'Opinion differs',
    advice: 'The opinion reads differently from the original but was marked as unchanged: check it.',
    severity: 'orange',
  },
  MANY_FURTHER_OPINIONS: {
    chip: 'Many opinions',
    advice: 'More than three opinions: are we looking for agreement rather than truth? Insurers may not pay.',
    severity: 'yellow',
  },
  ORIGINAL_CLINICIAN_NOT_INFORMED: {
    chip: 'Clinician not informed',
    advice: 'The original clinician has not been told that another opinion is sought.',
    severity: 'yellow',
  },
};

export const describeWarning = (code: string) =>
  warningText[code] ?? { chip: code.toLowerCase().replaceAll('_', ' '), advice: code, severity: 'yellow' as const };
