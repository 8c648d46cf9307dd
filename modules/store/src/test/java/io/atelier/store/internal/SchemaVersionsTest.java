package io.atelier.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaVersionsTest {

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertThat(SchemaVersions.compare("10", "2")).isPositive();
        assertThat(SchemaVersions.compare("2.1", "2")).isPositive();
        assertThat(SchemaVersions.compare("2", "2.0")).isZero();
        assertThat(SchemaVersions.compare("1.9", "1.10")).isNegative();
        assertThat(SchemaVersions.major("7.3")).isEqualTo(7);
    }

    @Test
    void aHistoryIsNewerOnlyWhenItHoldsAVersionAboveTheLatestKnown() {
        SchemaState ours = new SchemaState(true, -1, List.of("8", "7", "6", "5", "4", "3", "2", "1"), false);
        SchemaState newer = new SchemaState(true, -1, List.of("1", "2", "3", "4", "5", "6", "7", "8", "10"), false);

        assertThat(ours.appliedVersions()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(ours.isUpToDate()).isTrue();
        assertThat(ours.isNewerThan("8")).isFalse();
        assertThat(newer.isNewerThan("8")).isTrue();
        assertThat(newer.highestVersion()).contains("10");
        assertThat(newer.schemaVersion()).isEqualTo(10);
        assertThat(new SchemaState(true, -1, List.of("1", "2", "3", "4", "5", "6", "7", "8"), true).isUpToDate()).as("a failed one").isFalse();
    }
}
