/**
 * Gallery images made by a ComfyUI server the user runs, through its HTTP API on this machine: the request becomes an
 * API-format workflow (checkpoint, optional LoRA, clip skip, two prompts, KSampler, VAE decode, SaveImage), queued
 * with {@code POST /prompt}, followed with {@code GET /history/{id}} and fetched with {@code GET /view}; the PNG is
 * written again with the A1111 infotext. LoRA files are copied into {@code <loras>/atelier/} under a name with a
 * content hash, because ComfyUI only loads LoRAs from its own folders. No Swing.
 */
package io.atelier.sampler.comfyui;
