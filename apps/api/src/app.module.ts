import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import { AuthModule, BearerAuthentication, LiveSessions } from './auth';
import { CasesModule } from './cases';
import { ErrorsToGraphQLFilter } from './graphql';
import { graphQLServerConfig } from './graphql-server';
import { DatabaseHealthCheck, HealthController } from './health';
import { PatientDataModule } from './patient-data';
import { PlatformModule } from './platform';
import type { PlatformOptions } from './platform';
import { ProjectionsModule } from './projections';

/** The composition root: the only place that knows every module. */
@Module({})
export class AppModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(options),
        PatientDataModule,
        AuthModule,
        ProjectionsModule,
        CasesModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [BearerAuthentication, LiveSessions],
          useFactory: (auth: BearerAuthentication, liveSessions: LiveSessions) =>
            graphQLServerConfig(auth, liveSessions, options.config, options.logger),
        }),
      ],
      controllers: [HealthController],
      providers: [DatabaseHealthCheck, { provide: APP_FILTER, useClass: ErrorsToGraphQLFilter }],
    };
  }
}
