/** SD 1.5's CLIP ViT-L/14 text encoder (cond_stage_model.transformer.text_model.*) with clip skip. */
package io.atelier.engine.djl.model.clip;
