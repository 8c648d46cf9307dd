package io.atelier.engine.sdscripts.tensorboard;

/**
 * Why reading an event file stopped early or skipped a record: the byte offset of the record in the file and a message.
 * A bad CRC stops reading at that offset (the next read retries there, the writer may have been mid-write); a record
 * whose CRC is right but whose protobuf cannot be decoded is skipped.
 */
public record ReadProblem(long offset, String message) {

    @Override
    public String toString() {
        return "offset " + offset + ": " + message;
    }
}
