"""Export and import formats: Briefer's own JSON and the formats other tools use."""
