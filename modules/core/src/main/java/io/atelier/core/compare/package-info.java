/** Runs side by side: the parameters that differ, the final metrics, as a table and as CSV/JSON. */
package io.atelier.core.compare;
