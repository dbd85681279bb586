// The response panel's front end. Filled in by the VS Code experience work.
export {};
