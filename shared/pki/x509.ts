/**
 * The only door to @peculiar/x509. Its dependency tsyringe throws at load unless the Reflect
 * polyfill ran first; bundlers hoist shared chunks above entry code, so "import it first in
 * main" is not enough. Importing through here orders the two in every bundle.
 */
import 'reflect-metadata';

export * from '@peculiar/x509';
