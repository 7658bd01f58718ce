import { meetings } from '../test/helpers/quality.js';
console.log(JSON.stringify(meetings('Pedro Sánchez received Keir Starmer in Madrid on Monday. The talks lasted three hours. On the Spanish side, Sánchez was joined by José Manuel Albares.', '2026-03-11')));
