package io.atelier.project.ui;
