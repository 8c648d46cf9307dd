/** The dataset as one zip of images and captions: the upload format of Civitai's trainer. */
package io.atelier.imaging.export;
