import type { CaseFieldsFragment } from '../../../gql/graphql';
import { patientLabel } from '../../shared/components/PatientName';
import { formatDate } from '../../shared/dates';
import classes from './PrintSummary.module.css';

/** What the patient takes home: the opinions side by side, the deadline, the decision. Print only. */
export const PrintSummary = ({ c }: { c: CaseFieldsFragment }) => {
  const received = c.requests.filter((request) => request.opinion);
  return (
    <section className={classes.summary} aria-hidden="true">
      <h1>Your second-opinion summary</h1>
      <p>
        {patientLabel(c.patient.name)}
        {c.patient.birthDate ? `, born ${c.patient.birthDate}` : ''} · {c.condition.name}
      </p>
      <p>
        <strong>Decide by:</strong>{' '}
        {c.deadline
          ? `${formatDate(c.deadline)} (advised by ${c.deadlineSource ?? 'your doctor'})`
          : 'no date agreed yet'}
        {c.deadlineState === 'OVERDUE' && '. This date has passed: talk with your doctor about the timing.'}
      </p>
      <table>
        <thead>
          <tr>
            <th />
            <th>Original opinion</th>
            {received.map((request) => (
              <th key={request.requestId}>Opinion {request.ordinal}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>Doctor</th>
            <td>
              {c.originalOpinion.clinician.name}, {c.originalOpinion.clinician.institution}
            </td>
            {received.map((request) => (
              <td key={request.requestId}>
                {request.expert.name}, {request.expert.institution}
              </td>
            ))}
          </tr>
          <tr>
            <th>Diagnosis</th>
            <td>{c.originalOpinion.diagnosis}</td>
            {received.map((request) => (
              <td key={request.requestId}>{request.opinion?.diagnosis}</td>
            ))}
          </tr>
          <tr>
            <th>Treatment</th>
            <td>{c.originalOpinion.recommendedTreatment}</td>
            {received.map((request) => (
              <td key={request.requestId}>{request.opinion?.recommendedTreatment}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <h2>Your decision</h2>
      {c.decision ? (
        <p>
          {c.decision.optionChosen}: &ldquo;{c.decision.rationaleInPatientsWords}&rdquo; (
          {formatDate(c.decision.decidedAt)})
        </p>
      ) : (
        <p>Not made yet. The decision is yours; take the time you have.</p>
      )}
    </section>
  );
};
