package io.atelier.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.atelier.core.project.FolderCheck;
import io.atelier.core.project.LoraProject;
import io.atelier.store.RegisteredProject;
import java.util.Locale;

/**
 * The stable JSON shape of a project in {@code project list --json} and {@code project show --json}.
 * Field order and names are part of the documented interface (README, "CLI JSON").
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ProjectJson(String id, String name, String triggerWord, String kind, String baseModel, String folder,
                   boolean registered, String state, String problem, Integer images, Integer captioned,
                   Integer runs, String created, String registeredAt, String lastOpened) {

    static ProjectJson of(RegisteredProject r, FolderCheck check) {
        LoraProject p = check.project().orElse(r.project());
        return of(p, r.folder().toString(), true, check, r.registeredAt().toString(),
                r.lastOpenedIfAny().map(Object::toString).orElse(null));
    }

    static ProjectJson of(LoraProject p, String folder, boolean registered, FolderCheck check,
                          String registeredAt, String lastOpened) {
        boolean ok = check.state() == FolderCheck.State.OK;
        return new ProjectJson(p.id().toString(), p.name(), p.triggerWord(), p.kind().cliName(),
                p.baseModelFamily().cliName(), folder, registered, check.state().name().toLowerCase(Locale.ROOT),
                check.problem(), ok ? check.stats().images() : null, ok ? check.stats().captioned() : null,
                ok ? check.stats().runs() : null, p.created().toString(), registeredAt, lastOpened);
    }
}
