/** The local H2 store. */
package io.atelier.store;
