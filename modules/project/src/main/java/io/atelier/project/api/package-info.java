/**
 * What the project module offers other UI modules: the layer folders whose actions the LoRA project's nodes show
 * ({@link io.atelier.project.api.ProjectNodeExtensions}) and the service that imports files dropped on those nodes
 * ({@link io.atelier.project.api.DatasetDropHandler}), and the application's store
 * ({@link io.atelier.project.api.AppStore}). The project module itself never depends on the modules that fill them.
 */
package io.atelier.project.api;
