package io.atelier.dataset.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.imaging.report.DatasetReport;
import io.atelier.imaging.report.DatasetSize;
import io.atelier.imaging.report.FileProblem;
import io.atelier.imaging.report.ImageFinding;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The quality report looked up per image, with kept findings, as the filter, the badges and the fixes use it. */
class QualityIndexTest {

    private static ImageFinding finding(String file, int w, int h, boolean blurry, Integer jpegQ, boolean captioned,
            String hash, String perceptualHash) {
        boolean low = Math.max(w, h) < 1024;
        return new ImageFinding(file, jpegQ == null ? "png" : "jpeg", w, h, low, 1024.0 / Math.max(w, h), blurry ? 20 : 900,
                blurry, jpegQ, jpegQ != null && jpegQ < 70, captioned, hash, perceptualHash, false, false);
    }

    /** 01 sharp and fine; 02 low-res and blurry; 03 = 04 byte-identical; 05 near 01; 06 heavy JPEG without caption. */
    static DatasetReport report() {
        List<ImageFinding> images = List.of(
                finding("01.png", 1024, 1024, false, null, true, "h1", "0000000000000000"),
                finding("02.png", 512, 512, true, null, true, "h2", "ffffffffffffffff"),
                finding("03.png", 1024, 768, false, null, true, "h3", "00000000ffffffff"),
                finding("04.png", 1024, 768, false, null, true, "h3", "00000000ffffffff"),
                finding("05.png", 1024, 1024, false, null, true, "h5", "0000000000000003"), // 2 bits from 01
                finding("06.jpg", 1200, 800, false, 55, false, "h6", "ffffffff00000000"));
        return new DatasetReport(1024, images, List.of(new FileProblem("07.png", "07.png: empty file (0 bytes)")),
                List.of(List.of("03.png", "04.png")), List.of(List.of("01.png", "05.png")), null,
                DatasetSize.of(6), List.of("06.jpg"));
    }

    @Test
    void eachImageHasItsFindings() {
        QualityIndex q = QualityIndex.of(report(), KeptFindings.NONE);
        assertThat(q.open("01.png")).containsExactly(FindingKind.NEAR_DUPLICATE);
        assertThat(q.open("02.png")).containsExactly(FindingKind.LOW_RES, FindingKind.BLURRY);
        assertThat(q.open("04.png")).containsExactly(FindingKind.DUPLICATE);
        assertThat(q.open("06.jpg")).containsExactly(FindingKind.HEAVY_JPEG, FindingKind.NO_CAPTION);
        assertThat(q.open("07.png")).containsExactly(FindingKind.UNREADABLE);
        assertThat(q.covers("07.png")).isTrue();
        assertThat(q.covers("08.png")).isFalse();
        assertThat(q.openTotal()).isEqualTo(9);
    }

    @Test
    void findingsAreDescribedWithTheirNumbers() {
        QualityIndex q = QualityIndex.of(report(), KeptFindings.NONE);
        assertThat(q.describe("02.png")).extracting(Finding::text).containsExactly(
                "Low resolution: 512\u00d7512 needs \u00d72.00 to reach 1024 px on the long side",
                "Blurry: sharpness 20 (below 100)");
        assertThat(q.describe("03.png")).extracting(Finding::text).containsExactly("Exact duplicate of 04.png");
        assertThat(q.describe("06.jpg")).extracting(Finding::text)
                .contains("Heavy JPEG compression: quality about 55 (below 70)", "No caption: 06.txt is missing or blank");
        assertThat(q.describe("07.png")).extracting(Finding::text)
                .containsExactly("Unreadable: 07.png: empty file (0 bytes)");
    }

    @Test
    void keptFindingsLeaveTheFilterButStayListedLast() {
        QualityIndex q = QualityIndex.of(report(), KeptFindings.NONE);
        KeptFindings kept = KeptFindings.NONE.keep(q.keepTargets("02.png", FindingKind.BLURRY), FindingKind.BLURRY);
        q = q.withKept(kept);
        assertThat(q.open("02.png")).containsExactly(FindingKind.LOW_RES);
        assertThat(q.describe("02.png")).extracting(Finding::kind, Finding::kept).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FindingKind.LOW_RES, false),
                org.assertj.core.groups.Tuple.tuple(FindingKind.BLURRY, true));
        assertThat(q.keptTotal()).isEqualTo(1);
        assertThat(new ImageFilter(FindingKind.BLURRY).predicate(q).test(image("02.png"))).isFalse();
        assertThat(new ImageFilter(FindingKind.LOW_RES).predicate(q).test(image("02.png"))).isTrue();
    }

    @Test
    void keepingADuplicateKeepsTheWholeGroup() {
        QualityIndex q = QualityIndex.of(report(), KeptFindings.NONE);
        assertThat(q.keepTargets("05.png", FindingKind.NEAR_DUPLICATE)).containsExactly("h1", "h5");
        q = q.withKept(KeptFindings.NONE.keep(q.keepTargets("05.png", FindingKind.NEAR_DUPLICATE),
                FindingKind.NEAR_DUPLICATE));
        assertThat(q.open("01.png")).isEmpty();
        assertThat(q.open("05.png")).isEmpty();
    }

    @Test
    void filesGoneSinceTheCheckDropOutAndSoDoTheirGroups() {
        QualityIndex q = QualityIndex.of(report(), KeptFindings.NONE)
                .restrictedTo(Set.of("01.png", "02.png", "03.png", "06.jpg"));
        assertThat(q.open("03.png")).isEmpty();          // its duplicate 04.png was trashed
        assertThat(q.open("01.png")).isEmpty();          // its near-duplicate 05.png is gone too
        assertThat(q.covers("07.png")).isFalse();
        assertThat(q.report().images()).hasSize(4);
        assertThat(q.report().uncaptioned()).containsExactly("06.jpg");
        assertThat(q.report().size()).isEqualTo(DatasetSize.TOO_FEW);
        assertThat(q.report().aspectSpread().maxFile()).isEqualTo("06.jpg");
    }

    @Test
    void writingACaptionClearsOnlyThatFinding() {
        QualityIndex q = QualityIndex.of(report(), KeptFindings.NONE).withCaptionWritten("06.jpg");
        assertThat(q.open("06.jpg")).containsExactly(FindingKind.HEAVY_JPEG);
        assertThat(q.report().uncaptioned()).isEmpty();
        assertThat(q.covers("07.png")).isTrue();
    }

    @Test
    void filtersNeedAReportExceptAll() {
        assertThat(ImageFilter.ALL.predicate(null).test(image("01.png"))).isTrue();
        assertThat(new ImageFilter(FindingKind.BLURRY).predicate(null).test(image("02.png"))).isFalse();
        assertThat(ImageFilter.choices()).hasSize(1 + FindingKind.values().length);
        assertThat(ImageFilter.choices().get(0)).hasToString("All images");
    }

    @Test
    void everyKindOffersAFixAndUnreadableCannotBeKept() {
        for (FindingKind k : FindingKind.values()) {
            assertThat(Fix.forKind(k)).isNotEmpty();
            assertThat(Fix.forKind(k).contains(Fix.KEEP)).isEqualTo(k.keepable());
        }
        assertThat(Fix.forKind(FindingKind.NO_CAPTION)).startsWith(Fix.WRITE_CAPTION);
    }

    private static DatasetImage image(String name) {
        return new DatasetImage(Path.of("/p/dataset", name), 1, 1);
    }
}
