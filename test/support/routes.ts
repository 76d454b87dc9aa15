import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '../../src/access/allow.decorator';
import { STEP_UP } from '../../src/access/step-up';
import { API, type TestApp } from './test-app';

export interface DeclaredRoute {
  controller: string;
  handler: string;
  method: string;
  /** The path as Fastify has it, e.g. /api/v1/residents/:id */
  url: string;
  allowed: unknown;
  isPublic: unknown;
  /** Whether the route needs a recent sign-in with a second factor (step-up). */
  stepUp: boolean;
}

function joinPath(...parts: string[]): string {
  return '/' + parts.flatMap((p) => p.split('/')).filter(Boolean).join('/');
}

/** Every controller method of the running app that has a route, with what it declares about access. */
export function declaredRoutes(t: TestApp): DeclaredRoute[] {
  const reflector = t.app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: DeclaredRoute[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller || !wrapper.instance) continue;
      const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
      const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '/');
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const routePath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (routePath === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const controllerPath of controllerPaths) {
          for (const path of ([] as string[]).concat(routePath)) {
            const local = joinPath(controllerPath, path);
            // Outside the API prefix (app.factory.ts): the health probes.
            const url = /^\/health/.test(local) ? local : joinPath(API, local);
            routes.push({
              controller: controller.name,
              handler: name,
              method,
              url,
              // Read exactly as the policy guard reads it: the handler's declaration, else the controller's.
              allowed: reflector.getAllAndOverride(ALLOWED_ROLES, [handler, controller]),
              isPublic: reflector.getAllAndOverride(PUBLIC_ROUTE, [handler, controller]),
              stepUp: reflector.getAllAndOverride<boolean>(STEP_UP, [handler, controller]) === true,
            });
          }
        }
      }
    }
  }
  return routes;
}

/** The routes Fastify actually serves (method and URL), from its route tree; HEAD is Fastify's own. */
export function servedRoutes(t: TestApp): string[] {
  const tree: string = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const served: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = [...m[1]].length / 4;
    const url = (depth > 0 ? stack[depth - 1] : '') + m[2];
    stack[depth] = url;
    stack.length = depth + 1;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      if (method !== 'HEAD') served.push(`${method} ${url.replace(/\/$/, '') || '/'}`);
    }
  }
  return served;
}

