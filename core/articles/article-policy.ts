import type { Policy } from '../sites/policy.js';
import { mergePolicy } from '../sites/site-store.js';
import type { ArticlePolicy } from '../../protocol/article.js';

/** Why an article holds a comment the site alone would have published. */
export interface ArticleHold {
  code: 'article_pre_moderation' | 'surge_pre_moderation';
  message: string;
}

export interface EffectivePolicy {
  policy: Policy;
  hold?: ArticleHold;
}

/**
 * The policy one comment is decided with: the site's, the article's override merged over it,
 * and pre-moderation while a surge lasts. `article` is the article hash as stored.
 * @example effectivePolicy(site.policy, { surgeUntil: String(now + 60_000) }, now).policy.mode // 'pre'
 */
export function effectivePolicy(site: Policy, article: Record<string, string>, nowMs: number): EffectivePolicy {
  const override = article.policy ? (JSON.parse(article.policy) as ArticlePolicy) : null;
  const policy = override ? mergeOrKeep(site, override) : site;
  const surgeUntil = Number(article.surgeUntil ?? 0);
  if (surgeUntil > nowMs) {
    const until = new Date(surgeUntil).toISOString();
    return {
      policy: { ...policy, mode: 'pre' },
      hold: { code: 'surge_pre_moderation', message: `A surge of comments on this article: every comment is reviewed until ${until}` },
    };
  }
  if (override?.mode === 'pre' && site.mode !== 'pre') {
    return { policy, hold: { code: 'article_pre_moderation', message: 'This article reviews every comment before publication' } };
  }
  return { policy };
}

// an override made invalid by a later site change (say a hold above the new reject) falls back to the site's policy
function mergeOrKeep(site: Policy, override: ArticlePolicy): Policy {
  try {
    return mergePolicy(site, override);
  } catch {
    return site;
  }
}
