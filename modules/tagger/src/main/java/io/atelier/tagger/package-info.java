/**
 * WD14 / WD v3 booru taggers (SmilingWolf) through ONNX Runtime, following the reference Space exactly
 * (reference/wd14-tagger.md): {@code model} loads a model folder, {@code preprocess} turns an image into the model's
 * input tensor, {@code select} turns probabilities into caption tags, {@code batch} tags a dataset's captions.
 * The only module with ONNX Runtime; no Swing.
 */
package io.atelier.tagger;
