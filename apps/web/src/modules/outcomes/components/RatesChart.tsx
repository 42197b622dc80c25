import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';

type Props = { data: { label: string; ours: number; published: number }[] };

/** Loaded only with the outcomes page: the charts library stays out of the caseload's bundle. */
const RatesChart = ({ data }: Props) => (
  <figure style={{ margin: 0 }}>
    <figcaption>Changed diagnosis and treatment rates against the published figures</figcaption>
    <BarChart
      h={220}
      data={data}
      dataKey="label"
      valueFormatter={(value) => `${value.toFixed(1)}%`}
      series={[
        { name: 'ours', label: 'Our cases', color: 'indigo.8' },
        { name: 'published', label: 'Published (2015 review)', color: 'gray.6' },
      ]}
      withLegend
    />
  </figure>
);

export default RatesChart;
