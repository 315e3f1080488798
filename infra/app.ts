import { buildApp } from './app-builder';

const { app } = buildApp();
app.synth();
