/**
 * TensorBoard event files as sd-scripts writes them (reference/sd-scripts.md §9): {@link
 * io.atelier.engine.sdscripts.tensorboard.EventFiles} finds {@code events.out.tfevents.*} under a {@code logging_dir},
 * {@link io.atelier.engine.sdscripts.tensorboard.TensorBoardReader} reads their scalars incrementally (TFRecord framing
 * with masked CRC32C, the Event protobuf decoded with protobuf-java's {@code CodedInputStream}).
 */
package io.atelier.engine.sdscripts.tensorboard;
