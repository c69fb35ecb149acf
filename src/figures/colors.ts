/** Chart colours: distinguishable in colour-blindness and in greyscale print. */
export const COLORS = {
  women: '#8e3b9c',
  men: '#2b6cb0',
  share: '#8e3b9c',
  raised: '#9aa39e',
  accepted: '#0f6a4f',
  target: '#9aa39e',
  actual: '#0f6a4f',
} as const;
