import { type OperationDefinitionNode, parse, print, type SelectionSetNode } from 'graphql';
import { timersGql } from '../../bench/dashboard.bench';
import { TIMER_FIELDS } from '../../web/src/api/tickets';

// Issues 5/10: the dashboard bench times the SLA board's lists (L3-06…L3-09) as the web app asks
// them. Its document must select exactly what the board selects, or the figures measure another
// answer (it had missed `businessDayMinutes` since the board added it).

describe('the dashboard bench asks what the SLA board asks', () => {
  const selection = (document: string): string => {
    const operation = parse(document).definitions[0] as OperationDefinitionNode;
    const [field] = operation.selectionSet.selections as readonly {
      selectionSet?: SelectionSetNode;
    }[];
    return print(field.selectionSet!);
  };

  it('selects the web app’s TIMER_FIELDS, no more and no less', () => {
    const board = `{ slaTimers(filter: { atRiskOnly: true first: 200 }) { ${TIMER_FIELDS} } }`;
    expect(selection(timersGql('atRiskOnly: true'))).toBe(selection(board));
  });
});
