package io.atelier.imaging.decode;

import static org.assertj.core.api.Assertions.assertThat;

import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;

class ImageFormatsTest {

    @Test
    void registersWebpReader() {
        assertThat(ImageFormats.readerFormatNames()).contains("webp", "tiff", "jpeg", "png", "bmp", "gif");
    }

    @Test
    void twelveMonkeysReaderIsPreferredForJpegSoCmykAndYcckDecode() {
        ImageReader reader = ImageFormats.preferredReader("jpeg");
        try {
            assertThat(reader.getClass().getName()).startsWith("com.twelvemonkeys.imageio.plugins.jpeg.");
        } finally {
            reader.dispose();
        }
    }

    @Test
    void registrationIsIdempotentAndThreadSafe() throws InterruptedException {
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(ImageFormats::ensureRegistered);
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int webpProviders = 0;
        java.util.Iterator<javax.imageio.spi.ImageReaderSpi> providers = javax.imageio.spi.IIORegistry
                .getDefaultInstance().getServiceProviders(javax.imageio.spi.ImageReaderSpi.class, false);
        while (providers.hasNext()) {
            if (java.util.Arrays.asList(providers.next().getFormatNames()).contains("webp")) {
                webpProviders++;
            }
        }
        assertThat(webpProviders).isEqualTo(1);
    }
}
