package io.atelier.core.params;

/**
 * The size of the LoRA file a configuration produces, from the parameter counts per unit rank of
 * reference/sd-scripts.md §12.2: a Linear {@code in → out} at rank r has {@code r·(in + out)} weights and one alpha,
 * stored at the save precision, plus the safetensors header (about 140 bytes per tensor, three tensors per module).
 */
public final class LoraFileSize {

    // per unit rank, and modules, for text encoder(s) and UNet
    private static final long SDXL_TE = 5_308_416 / 32 + 23_592_960 / 32;   // TE1 + TE2: 903,168
    private static final int SDXL_TE_MODULES = 72 + 192;
    private static final long SDXL_UNET = 2_659_840;
    private static final int SDXL_UNET_MODULES = 722;
    private static final long SD15_TE = 165_888;
    private static final int SD15_TE_MODULES = 72;
    private static final long SD15_UNET = 589_824 - 165_888;
    private static final int SD15_UNET_MODULES = 192;
    private static final int HEADER_BYTES_PER_TENSOR = 140;

    private LoraFileSize() {
    }

    public static long estimate(TrainingConfig config) {
        boolean sd15 = "sd15".equals(config.getString(Params.MODEL_FAMILY));
        boolean unetOnly = config.getBool(Params.TRAIN_UNET_ONLY);
        long perRank = sd15 ? SD15_UNET + (unetOnly ? 0 : SD15_TE) : SDXL_UNET + (unetOnly ? 0 : SDXL_TE);
        int modules = sd15 ? SD15_UNET_MODULES + (unetOnly ? 0 : SD15_TE_MODULES)
                : SDXL_UNET_MODULES + (unetOnly ? 0 : SDXL_TE_MODULES);
        int bytes = "float".equals(config.getString(Params.SAVE_PRECISION)) ? 4 : 2;
        long weights = perRank * config.getInt(Params.NETWORK_DIM) + modules;
        return 8 + (long) HEADER_BYTES_PER_TENSOR * 3 * modules + bytes * weights;
    }
}
