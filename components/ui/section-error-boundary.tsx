import { Component, type ErrorInfo, type ReactNode } from 'react';

interface SectionErrorBoundaryProps {
  /** The section as a rep names it ("the brief", "the timeline"): the fallback says which part failed. */
  section: string;
  /** A change (another lead, a fresher read) clears the error and draws the section again. */
  resetKey?: unknown;
  children: ReactNode;
}

interface SectionErrorBoundaryState {
  error: Error | null;
  resetKey: unknown;
}

/**
 * One panel section that fails to draw (CRM data Baton did not expect, a bug) shows a short
 * message in its place, and every other section keeps working: React unmounts the whole tree
 * below the nearest boundary on a render error, so without one per section a single bad field
 * would blank the panel, the disposition form included.
 */
export class SectionErrorBoundary extends Component<SectionErrorBoundaryProps, SectionErrorBoundaryState> {
  override state: SectionErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<SectionErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: SectionErrorBoundaryProps, state: SectionErrorBoundaryState): Partial<SectionErrorBoundaryState> | null {
    if (Object.is(props.resetKey, state.resetKey)) return null;
    return { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // For support: which section, and where in it. The rep sees the message below.
    console.error(`Baton: ${this.props.section} could not be shown`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" data-testid="section-error" className="mx-4 my-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-xs text-amber-900">
        <p className="font-semibold">Baton could not show {this.props.section}.</p>
        <p className="mt-0.5">The rest of the panel still works. Refreshing from the CRM may help; if it keeps happening, tell your Baton admin.</p>
        <button
          type="button"
          onClick={() => this.setState({ error: null })}
          className="mt-2 rounded border border-amber-300 bg-white px-2 py-1 font-medium text-amber-900 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-amber-500"
        >
          Try again
        </button>
      </div>
    );
  }
}
