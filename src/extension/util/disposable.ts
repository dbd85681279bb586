import type * as vscode from 'vscode';

/** Owns disposables; tolerates double dispose and disposes everything even when one throws. */
export class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private isDisposed = false;

  protected register<T extends vscode.Disposable>(value: T): T {
    if (this.isDisposed) value.dispose();
    else this.owned.push(value);
    return value;
  }

  protected get disposed(): boolean {
    return this.isDisposed;
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    const errors: unknown[] = [];
    for (const value of this.owned.splice(0).reverse()) {
      try {
        value.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'Errors while disposing');
  }
}
