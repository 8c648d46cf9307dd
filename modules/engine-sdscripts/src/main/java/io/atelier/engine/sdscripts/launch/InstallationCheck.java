package io.atelier.engine.sdscripts.launch;

import io.atelier.core.run.ProcessTree;
import io.atelier.engine.sdscripts.launch.CheckReport.Item;
import io.atelier.engine.sdscripts.launch.CheckReport.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an sd-scripts installation without starting a run: the checkout's files, the Python command, and — by running
 * that Python in the checkout — every module a training run imports, and whether PyTorch sees a CUDA GPU. Takes up to
 * a minute (importing torch and diffusers is slow), so never on the event thread.
 *
 * <p>The protocol between {@link #CHECK_SCRIPT} and this class: one line per module, {@code ok <module> <version>}
 * or {@code missing <module>: <ExceptionType>: <message>}, then {@code cuda True <device name>} or {@code cuda False}.
 * Any other output (import-time warnings) is ignored.
 */
public final class InstallationCheck {

    /** The files a usable checkout has, relative to its folder. */
    public static final List<String> REQUIRED_FILES = List.of("train_network.py", "sdxl_train_network.py",
            "library/train_util.py", "networks/lora.py");

    /** Modules a run imports, in import order (torch first: the others fail confusingly without it). */
    public static final List<String> REQUIRED_MODULES = List.of("torch", "accelerate", "diffusers", "transformers",
            "safetensors", "toml", "voluptuous", "library.train_util", "networks.lora");

    /** Imported only by the 8-bit optimizers (AdamW8bit, the presets' default). */
    public static final List<String> OPTIONAL_MODULES = List.of("bitsandbytes");

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Run as {@code python -c CHECK_SCRIPT} in the checkout, so {@code library} and {@code networks} import. */
    public static final String CHECK_SCRIPT = String.join("\n",
            "import importlib, sys",
            "sys.path.insert(0, '')",
            "for name in " + pyList(REQUIRED_MODULES) + " + " + pyList(OPTIONAL_MODULES) + ":",
            "    try:",
            "        m = importlib.import_module(name)",
            "        print('ok %s %s' % (name, getattr(m, '__version__', '-')), flush=True)",
            "    except BaseException as e:",
            "        msg = str(e).replace('\\r', ' ').replace('\\n', ' ')",
            "        print('missing %s: %s: %s' % (name, type(e).__name__, msg), flush=True)",
            "try:",
            "    import torch",
            "    if torch.cuda.is_available():",
            "        print('cuda True %s' % torch.cuda.get_device_name(0), flush=True)",
            "    else:",
            "        print('cuda False', flush=True)",
            "except BaseException:",
            "    print('cuda False', flush=True)",
            "");

    private static final Pattern OK = Pattern.compile("^ok (\\S+) (.*)$");
    private static final Pattern MISSING = Pattern.compile("^missing (\\S+): (.*)$");
    private static final Pattern CUDA = Pattern.compile("^cuda (True|False)\\s*(.*)$");

    private InstallationCheck() {
    }

    public static CheckReport run(SdScriptsSettings settings) {
        List<Item> items = new ArrayList<>();
        Optional<Path> dir = settings.dir();
        boolean folderOk = dir.isPresent() && Files.isDirectory(dir.get());
        if (dir.isEmpty()) {
            items.add(new Item("sd-scripts folder", Status.MISSING, "not set (setting \"" + SdScriptsSettings.DIR
                    + "\")"));
        } else if (!folderOk) {
            items.add(new Item("sd-scripts folder", Status.MISSING, dir.get() + " is not a folder"));
        } else {
            items.add(new Item("sd-scripts folder", Status.FOUND, dir.get().toString()));
            for (String f : REQUIRED_FILES) {
                Path p = dir.get().resolve(f);
                items.add(Files.isRegularFile(p) ? new Item(f, Status.FOUND, p.toString())
                        : new Item(f, Status.MISSING, p + " does not exist: is this an sd-scripts checkout?"));
            }
        }
        Programs.Resolution python = Programs.resolve(settings.python(), "the Python command",
                dir.orElse(null));
        if (!python.found()) {
            items.add(new Item("python", Status.MISSING, python.problem() + " (setting \"" + SdScriptsSettings.PYTHON
                    + "\")"));
        } else {
            items.add(new Item("python", Status.FOUND, python.program().toString()));
        }
        settings.accelerate().ifPresent(a -> {
            Programs.Resolution acc = Programs.resolve(a, "the accelerate command", dir.orElse(null));
            items.add(acc.found() ? new Item("accelerate launcher", Status.FOUND, acc.program().toString())
                    : new Item("accelerate launcher", Status.MISSING, acc.problem() + " (setting \""
                    + SdScriptsSettings.ACCELERATE + "\")"));
        });
        if (!folderOk || !python.found()) {
            return new CheckReport(items, false, Optional.empty());
        }
        return imports(python.program(), settings, items);
    }

    private static CheckReport imports(Path python, SdScriptsSettings settings, List<Item> items) {
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-c", CHECK_SCRIPT)
                .directory(settings.dir().orElseThrow().toFile())
                .redirectErrorStream(true);
        ProcessEnvironment.apply(pb.environment(), settings, false);
        String output;
        int exit;
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            items.add(new Item("python", Status.MISSING, "could not run " + python + ": " + e.getMessage()));
            return new CheckReport(items, false, Optional.empty());
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        try {
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                ProcessTree.kill(p.toHandle(), Duration.ofSeconds(2));
                items.add(new Item("python modules", Status.MISSING, python + " -c <import check> did not finish in "
                        + TIMEOUT.toSeconds() + " s"));
                return new CheckReport(items, false, Optional.empty());
            }
            exit = p.exitValue();
            output = out.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTree.kill(p.toHandle(), Duration.ofSeconds(2));
            items.add(new Item("python modules", Status.MISSING, "the check was interrupted"));
            return new CheckReport(items, false, Optional.empty());
        } catch (Exception e) {
            items.add(new Item("python modules", Status.MISSING, "reading the output of " + python + " failed: " + e));
            return new CheckReport(items, false, Optional.empty());
        }
        return parse(output, exit, python, items);
    }

    /** Turns the check script's output into items; a module it never mentioned is missing with the tail shown. */
    static CheckReport parse(String output, int exit, Path python, List<Item> items) {
        Map<String, Item> modules = new LinkedHashMap<>();
        boolean cuda = false;
        Optional<String> gpu = Optional.empty();
        for (String line : output.split("\\R")) {
            String l = line.strip();
            Matcher m;
            if ((m = OK.matcher(l)).matches()) {
                modules.put(m.group(1), new Item(m.group(1), Status.FOUND, m.group(2)));
            } else if ((m = MISSING.matcher(l)).matches()) {
                boolean optional = OPTIONAL_MODULES.contains(m.group(1));
                String why = optional ? m.group(2) + " (needed for the 8-bit optimizers such as AdamW8bit)"
                        : m.group(2);
                modules.put(m.group(1), new Item(m.group(1), optional ? Status.WARNING : Status.MISSING, why));
            } else if ((m = CUDA.matcher(l)).matches()) {
                cuda = m.group(1).equals("True");
                gpu = cuda && !m.group(2).isBlank() ? Optional.of(m.group(2).strip()) : Optional.empty();
            }
        }
        for (String name : REQUIRED_MODULES) {
            Item i = modules.get(name);
            items.add(i != null ? i : new Item(name, Status.MISSING, "not checked: " + python + " -c <import check> "
                    + "exited with code " + exit + " before reaching it" + tail(output)));
        }
        for (String name : OPTIONAL_MODULES) {
            Item i = modules.get(name);
            items.add(i != null ? i : new Item(name, Status.WARNING, "not checked"));
        }
        return new CheckReport(items, cuda, gpu);
    }

    private static String tail(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return " (no output)";
        }
        return ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            byte[] b = bytes.toByteArray();
            StringBuilder text = new StringBuilder();
            LineDecoder decoder = new LineDecoder();
            decoder.feed(b, b.length, text);
            decoder.finish(text);
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pyList(List<String> names) {
        return "[" + String.join(", ", names.stream().map(n -> "'" + n + "'").toList()) + "]";
    }
}
