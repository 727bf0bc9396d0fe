/** Jinja template rendering of configs, the way Airflow renders an operator's templated fields. */
export { renderTemplates, type RenderTemplatesOptions } from './renderTemplates.js';
export { TEMPLATE_LIMIT_DEFAULTS, type TemplateLimits } from './engine/limits.js';
export {
  TemplateRenderError,
  isTemplateRenderError,
  TemplateUndefinedError,
  isTemplateUndefinedError,
  TemplateForbiddenError,
  isTemplateForbiddenError,
  TemplateLimitError,
  isTemplateLimitError,
} from './TemplateRenderError.js';
export { airflowContext, type AirflowContextOptions } from './airflowContext.js';
