import { createTheme, darken, defaultVariantColorsResolver, parseThemeColor } from '@mantine/core';
import type { CSSVariablesResolver, VariantColorsResolver } from '@mantine/core';

/**
 * Mantine's defaults miss WCAG AA contrast for light badges and alerts (shade 6 text on a tint)
 * and for dimmed text (gray 6 on white). Fixed here once, for every page: light variants use the
 * colour's darkest shade for text, filled variants a darker background with automatic text colour.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) {
    return defaults;
  }
  if (input.variant === 'light') {
    return { ...defaults, color: darken(input.theme.colors[parsed.color]?.[9] ?? parsed.value, 0.45) };
  }
  if (input.variant === 'outline' || input.variant === 'subtle' || input.variant === 'transparent') {
    const color = darken(input.theme.colors[parsed.color]?.[9] ?? parsed.value, 0.1);
    return { ...defaults, color, border: input.variant === 'outline' ? `1px solid ${color}` : defaults.border };
  }
  if (input.variant === 'filled') {
    const background = darken(input.theme.colors[parsed.color]?.[9] ?? parsed.value, 0.2);
    return { ...defaults, background, hover: darken(background, 0.1), color: '#fff' };
  }
  return defaults;
};

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.45,
  variantColorResolver,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  colors: {},
  components: {
    // Sentence case and never cut: a badge's words are its meaning ("2 days overdue").
    Badge: { defaultProps: { radius: 'sm', tt: 'none' }, styles: { label: { overflow: 'visible' } } },
    // The dialogs' close button is an icon: without a name a screen reader announces only "button".
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
  },
});

/** Dimmed text at gray 7 (7.5:1 on white) instead of gray 6 (3.3:1). */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-placeholder': t.colors.gray[7] ?? '#495057',
  },
  dark: {},
});
