/**
 * The local store: one embedded H2 database per user, shared by the GUI and the command line at the same time.
 * {@link io.atelier.store.Store#open} creates, migrates, backs up and, when its file is damaged, recovers it;
 * {@link io.atelier.store.ProjectRepository} and {@link io.atelier.store.BaseModelRepository} read and write it.
 */
package io.atelier.store;
