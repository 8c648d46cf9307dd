package io.atelier.tageditor.ui;

import io.atelier.core.buckets.BucketAssignment;
import io.atelier.dataset.ui.grid.Badge;
import io.atelier.dataset.ui.grid.CellDecorations;
import io.atelier.dataset.ui.grid.DatasetImage;
import io.atelier.tageditor.ui.autotag.PredictionMarks;
import io.atelier.tageditor.ui.captions.CaptionIndex;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openide.util.NbBundle.Messages;

/** Badges on the Tag editor's thumbnails: no tags yet, a caption that cannot be read, tags a model wrote. */
@Messages({
    "BADGE_Empty=NO TAGS", "TIP_Empty=No caption yet",
    "BADGE_Unreadable=!", "TIP_Unreadable=The caption cannot be read",
    "BADGE_Auto=AUTO", "TIP_Auto=Has tags a tagger model wrote"
})
final class TagBadges implements CellDecorations {

    private static final Color ORANGE = new Color(0xD9822B);
    private static final Color RED = new Color(0xC0392B);
    private static final Color VIOLET = new Color(0x7B61FF);

    private final CaptionIndex index;
    private final PredictionMarks marks;

    TagBadges(CaptionIndex index, PredictionMarks marks) {
        this.index = index;
        this.marks = marks;
    }

    @Override
    public List<Badge> badges(DatasetImage image) {
        Path file = image.file();
        if (index.problem(file) != null) {
            return List.of(new Badge(Bundle.BADGE_Unreadable(), RED, Bundle.TIP_Unreadable()));
        }
        List<Badge> badges = new ArrayList<>(2);
        if (index.contains(file) && index.caption(file).isEmpty()) {
            badges.add(new Badge(Bundle.BADGE_Empty(), ORANGE, Bundle.TIP_Empty()));
        }
        if (marks.any(file, index.caption(file).tags())) {
            badges.add(new Badge(Bundle.BADGE_Auto(), VIOLET, Bundle.TIP_Auto()));
        }
        return badges;
    }

    /** The Tag editor draws no bucket crops. */
    @Override
    public BucketAssignment bucket(DatasetImage image) {
        return null;
    }
}
