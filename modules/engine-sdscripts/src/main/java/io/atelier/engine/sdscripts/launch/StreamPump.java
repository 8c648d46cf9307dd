package io.atelier.engine.sdscripts.launch;

import io.atelier.core.run.RunEvent;
import io.atelier.core.run.RunListener;
import io.atelier.engine.sdscripts.output.SdScriptsOutputParser;
import java.io.IOException;
import java.io.InputStream;

/**
 * Copies one of the child's streams into an {@link SdScriptsOutputParser} as it arrives, decoded per line by
 * {@link LineDecoder}. Runs on its own thread so that neither pipe fills up and blocks sd-scripts.
 */
final class StreamPump implements Runnable {

    private final InputStream in;
    private final boolean stderr;
    private final SdScriptsOutputParser parser;
    private final RunListener listener;

    StreamPump(InputStream in, boolean stderr, SdScriptsOutputParser parser, RunListener listener) {
        this.in = in;
        this.stderr = stderr;
        this.parser = parser;
        this.listener = listener;
    }

    @Override
    public void run() {
        LineDecoder decoder = new LineDecoder();
        byte[] buf = new byte[8192];
        StringBuilder text = new StringBuilder();
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                decoder.feed(buf, n, text);
                if (text.length() > 0) {
                    parser.accept(text);
                    text.setLength(0);
                }
            }
        } catch (IOException e) {
            // The pipe broke (the process was killed mid-write); say so rather than lose the reason silently.
            listener.onEvent(new RunEvent.LogLine(true, "reading sd-scripts' " + (stderr ? "stderr" : "stdout")
                    + " failed: " + e.getMessage()));
        } finally {
            decoder.finish(text);
            parser.accept(text);
            parser.close();
        }
    }
}
