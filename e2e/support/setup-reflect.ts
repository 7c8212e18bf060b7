// @peculiar/x509 needs a Reflect polyfill loaded before it (tsyringe); every test process gets it.
import 'reflect-metadata';
