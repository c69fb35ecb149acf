/**
 * Chart.js with only the pieces the dashboard's bar charts use, registered once. Imported
 * dynamically (bar-chart.tsx), so it is a chunk of its own that the first route never loads.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
// The app's font: it has the Kyrgyz letters ң, ө, ү.
Chart.defaults.font.family = '"Noto Sans", system-ui, sans-serif';
Chart.defaults.color = '#1d2421';

export { Chart };
