package io.atelier.cli;
public class AtelierCommand { public static void main(String[] a) {} }
