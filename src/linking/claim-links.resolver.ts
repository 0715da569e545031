import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Claim } from '../claims/claim.model.js';
import { ClaimLink, LinkRelation } from './link.model.js';
import { LinkService } from './link.service.js';

@Resolver(() => Claim)
export class ClaimLinksResolver {
  constructor(private readonly linkService: LinkService) {}

  @ResolveField(() => [ClaimLink], { description: 'Every link this claim takes part in, either side.' })
  links(
    @Parent() claim: Claim,
    @Args('relation', { type: () => LinkRelation, nullable: true }) relation: LinkRelation | null,
  ) {
    return this.linkService.linksForClaim(claim.id, relation ?? null);
  }
}
