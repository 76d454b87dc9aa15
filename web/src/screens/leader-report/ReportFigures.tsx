import { formatNumber } from '../../text/format';
import { leaderReport } from '../../text/leader-report';
import { BarChart } from './BarChart';
import type { CountTable, FigureSection, ReportFigures } from './leader-report-api';

const text = leaderReport.report;

const shareText = (share: number | null) => (share === null ? '' : `${formatNumber(share * 100, 1)} %`);

/** The report's figures as the exports print them: the same numbers, with "<5" and "skjult" where the files hide a count. */
export function ReportFiguresView({ figures }: { figures: ReportFigures }) {
  return (
    <>
      <p>{figures.disclosure}</p>
      {figures.sections.map((section) => (
        <Section key={section.title} section={section} />
      ))}
      <Indicators figures={figures} />
      <h2>{text.aboutHeading}</h2>
      <dl className="report-about">
        {figures.about.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.text}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function Section({ section }: { section: FigureSection }) {
  const id = `section-${section.title.toLowerCase().replace(/[^a-zæøå]+/g, '-')}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{section.title}</h2>
      {section.figures.length > 0 && (
        <div className="table--responsive-scroll">
          <table className="table table--zebra report-table">
            <caption>{`${text.keyFigures}: ${section.title.toLowerCase()}`}</caption>
            <thead>
              <tr>
                <th scope="col">{text.keyFigures}</th>
                <th scope="col" className="numeric">
                  {text.count}
                </th>
              </tr>
            </thead>
            <tbody>
              {section.figures.map((f) => (
                <tr key={f.label}>
                  <th scope="row">{f.label}</th>
                  <td className="numeric">{f.count.display}</td>
                </tr>
              ))}
              {section.shares.map((s) => (
                <tr key={s.label}>
                  <th scope="row">{s.label}</th>
                  <td className="numeric">{s.display}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {section.tables.map((table) => (
        <Table key={table.title} table={table} />
      ))}
    </section>
  );
}

function Table({ table }: { table: CountTable }) {
  return (
    <div className="report-table-with-chart">
      <div className="table--responsive-scroll">
        <table className="table table--zebra report-table">
          <caption>{table.title}</caption>
          <thead>
            <tr>
              <th scope="col">{table.categoryHeader}</th>
              <th scope="col" className="numeric">
                {text.count}
              </th>
              <th scope="col" className="numeric">
                {text.share}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td className="numeric">{row.count.display}</td>
                <td className="numeric">{shareText(row.share)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{text.total}</th>
              <td className="numeric">{table.total.display}</td>
              <td className="numeric">{table.total.hidden || table.total.value === 0 ? '' : shareText(1)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {table.rows.length > 0 && <BarChart bars={table.rows.map((row) => ({ label: row.label, value: row.count.value, display: row.count.display }))} />}
    </div>
  );
}

function Indicators({ figures }: { figures: ReportFigures }) {
  const number = (value: number | null, isShare: boolean) => (value === null ? '–' : isShare ? `${formatNumber(value * 100, 1)} %` : formatNumber(value));
  return (
    <section aria-labelledby="report-indicators">
      <h2 id="report-indicators">{text.indicatorsHeading}</h2>
      {figures.indicators.length === 0 ? (
        <p>{text.noIndicators}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra report-table">
            <caption>{`${text.indicatorsHeading} ${figures.periodLabel}`}</caption>
            <thead>
              <tr>
                <th scope="col">{leaderReport.indicators.goal}</th>
                <th scope="col">{text.indicatorsHeading}</th>
                <th scope="col" className="numeric">
                  {leaderReport.indicators.baseline}
                </th>
                <th scope="col" className="numeric">
                  {leaderReport.indicators.target}
                </th>
                <th scope="col" className="numeric">
                  {leaderReport.indicators.value}
                </th>
                <th scope="col">{leaderReport.indicators.dataSource}</th>
              </tr>
            </thead>
            <tbody>
              {figures.indicators.map((i) => (
                <tr key={`${i.goal}-${i.indicator}`}>
                  <td>{i.goal}</td>
                  <th scope="row">
                    {i.indicator} ({i.unit})
                  </th>
                  <td className="numeric">{number(i.baseline, i.isShare)}</td>
                  <td className="numeric">
                    {number(i.target, i.isShare)}
                    <span className="form-hint">{i.targetBasis}</span>
                  </td>
                  <td className="numeric">{i.valueDisplay}</td>
                  <td>{i.dataSource}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
