/** CLIP's byte-level BPE tokenizer and where its files are found (Hugging Face cache or a chosen folder). */
package io.atelier.engine.djl.tokenizer;
